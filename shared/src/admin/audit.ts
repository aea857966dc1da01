/** Audit log viewer (admin): see audit.ts. */
export {}
