import type {
  NotificationWords,
  PlainAction,
  PlainCondition,
  TriggerPresetId,
} from '../../domain/after-send/trigger-presets.ts';
import type { Translate } from '../../i18n/translate.ts';

/** A preset's conditions and actions as the admin reads them before creating the trigger. */
export function conditionWords(condition: PlainCondition, t: Translate, groupName: (id: number) => string): string {
  switch (condition.kind) {
    case 'has_tag':
      return t('trigger_preset.condition.has_tag', { tag: condition.tag });
    case 'not_in_group':
      return t('trigger_preset.condition.not_in_group', { group: groupName(condition.groupId) });
    default:
      return t(`trigger_preset.condition.${condition.kind}`);
  }
}

export function actionWords(action: PlainAction, t: Translate, groupName: (id: number) => string): string {
  if (action.kind === 'set_group') return t('trigger_preset.action.set_group', { group: groupName(action.groupId) });
  return t(`trigger_preset.action.${action.kind}`);
}

/**
 * The trigger's title, description and email as Zendesk stores them. Zendesk's own placeholders
 * (`{{ticket.id}}`) go in as values: a translation never holds a literal `{{…}}` of its own.
 */
export function triggerWords(
  preset: TriggerPresetId,
  campaign: { name: string; tag: string },
  group: string,
  t: Translate,
): { title: string; description: string; email: NotificationWords } {
  return {
    title: t(`trigger_preset.title.${preset}`, { name: campaign.name, group }),
    description: t('trigger_preset.description', { name: campaign.name, tag: campaign.tag }),
    email: {
      subject: t('trigger_preset.email_subject', { id: '{{ticket.id}}', title: '{{ticket.title}}' }),
      body: t('trigger_preset.email_body', {
        name: campaign.name,
        comment: '{{ticket.latest_comment}}',
        link: '{{ticket.link}}',
      }),
    },
  };
}
