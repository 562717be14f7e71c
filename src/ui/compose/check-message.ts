import type { CampaignCheck } from '../../domain/checks/campaign-checks.ts';
import { MAX_TAG_LENGTH } from '../../domain/campaign/tags.ts';
import type { Translate } from '../../i18n/translate.ts';

/** One translated sentence per check, saying what is wrong and what to do. */
export function checkMessage(check: CampaignCheck, t: Translate, number: (n: number) => string): string {
  const where = 'locale' in check && check.locale ? t('compose.check.in_translation', { locale: check.locale }) : '';
  switch (check.code) {
    case 'name_empty':
      return t('compose.check.name_empty');
    case 'tag_empty':
      return t('compose.check.tag_empty');
    case 'tag_too_long':
      return t('compose.check.tag_too_long', { max: MAX_TAG_LENGTH - 8 });
    case 'tag_reserved':
      return t('compose.check.tag_reserved', { tag: check.tag });
    case 'tag_taken':
      return t('compose.check.tag_taken', { tag: check.tag, count: number(check.tickets) });
    case 'text_empty':
      return t(check.field === 'subject' ? 'compose.check.subject_empty' : 'compose.check.body_empty') + where;
    case 'unknown_placeholder':
      return t('compose.check.unknown_placeholder', { path: `{{${check.path}}}` }) + where;
    case 'syntax':
      return (
        t(`compose.check.syntax.${check.issue}`, {
          snippet: check.snippet,
          line: number(check.line ?? 1),
          message: check.message,
        }) + where
      );
    case 'unsupported_tag':
      return t('compose.check.unsupported_tag', { name: check.name }) + where;
    case 'audience_empty':
      return t('compose.check.audience_empty');
    case 'over_cap':
      return t('compose.check.over_cap', { size: number(check.size), cap: number(check.cap) });
    case 'assignee_not_in_group':
      return t('compose.check.assignee_not_in_group');
    case 'sending_not_allowed':
      return t('compose.check.sending_not_allowed');
  }
}
