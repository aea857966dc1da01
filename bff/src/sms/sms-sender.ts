/** The text messages UnionHome sends; each kind has its own template registered with the provider. */
export type SmsKind = 'login' | 'claim_paid' | 'claim_needs_documents';

export interface SmsMessage {
  /** Mainland mobile number, 11 digits (the adapter adds the country code). */
  phone: string;
  kind: SmsKind;
  /** The template's parameters in order, e.g. login: [code, minutes]. */
  params: string[];
}

/**
 * The port every SMS adapter implements. `send` resolves once the provider accepted the message
 * and otherwise throws an AppException (502/503) with a message the person can read.
 */
export abstract class SmsSender {
  abstract send(msg: SmsMessage): Promise<void>;
}

/** 138****0001: enough for a log line to be matched to a complaint, not enough to be a phone list. */
export function maskForLog(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***';
}
