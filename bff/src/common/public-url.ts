/** The site's public base URL for links and QR codes: PUBLIC_URL when set, else the address the request came to. */
export function publicBaseUrl(configured: string | null, req: { protocol: string; get(name: string): string | undefined }): string {
  return configured ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
