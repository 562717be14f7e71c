import type { Translate } from '../../i18n/translate.ts';

/** The campaign view's title and description, as Zendesk shows them in the views list. */
export function campaignViewWords(t: Translate, campaign: { name: string; tag: string }) {
  return {
    title: t('done.view_title', { name: campaign.name }),
    description: t('done.view_description', { name: campaign.name, tag: campaign.tag }),
  };
}
