import type { Translate } from '../i18n/index.ts';
import { ApiError } from './api.ts';

/** A short reason for a failed request, for "could not …: {error}" messages. */
export function describeApiError(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    // Codes the person can act on get words of their own; the rest show the server's message.
    if (error.code === 'rate-limited') return t('error.rateLimited');
    if (error.status >= 200 && error.status < 300) return t('error.unexpectedAnswer');
    return error.message || t('error.status', { status: error.status });
  }
  return error instanceof Error ? error.message : String(error);
}
