import { ParseUUIDPipe } from '@nestjs/common';
import type { ErrorCode } from '@unionhome/shared';
import { notFound } from '../common/app-exception';

/** An id in the path that is not even a UUID names nothing: 404, like any id the caller may not see. */
export const idParam = (code: ErrorCode = 'NOT_FOUND') => new ParseUUIDPipe({ exceptionFactory: () => notFound(code) });
