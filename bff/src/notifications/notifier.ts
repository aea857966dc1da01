import type { EntityManager } from 'typeorm';

/** Topics a person can allow WeChat subscribe messages for (one template each). */
export const NOTICE_TOPICS = ['claim_status'] as const;
export type NoticeTopic = (typeof NOTICE_TOPICS)[number];

/**
 * One thing to tell one person. Every channel gets the same notice: the in-app message centre
 * shows title/body/link; WeChat fills its template from `summary`.
 */
export interface Notice {
  userId: string;
  topic: NoticeTopic;
  title: string;
  body: string;
  /** The mini-app page it opens, e.g. /packages/claims/pages/detail/index?id=… */
  link: string;
  summary: {
    /** What it is about, e.g. "医疗互助理赔 绍兴市人民医院" */
    item: string;
    /** The new state in a few characters, e.g. "已通过" */
    status: string;
    amount?: number | null;
    note?: string | null;
    at: Date;
  };
}

/** A channel. `inTransaction` channels write with the change; the others are sent after commit. */
export abstract class NotifierAdapter {
  abstract readonly channel: string;
}

export interface TransactionalNotifier extends NotifierAdapter {
  deliver(notice: Notice, em: EntityManager): Promise<void>;
}

export interface PushNotifier extends NotifierAdapter {
  /** Never throws: a push that fails is logged, the change it reports stands. */
  deliver(notice: Notice): Promise<void>;
}
