export interface MessageResponse {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  /** Where the message points in the mini-app, e.g. a claim page. */
  link: string | null;
}
