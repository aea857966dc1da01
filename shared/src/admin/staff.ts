/** Staff grants (admin): see staff.ts. */
export {}
