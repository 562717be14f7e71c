import { z } from 'zod';

/** Only the sections the app reads; Zendesk sends many more. */
export const accountSettingsSchema = z.looseObject({
  tickets: z
    .looseObject({
      tagging: z.boolean().optional(),
      comments_public_by_default: z.boolean().optional(),
      is_first_comment_private_enabled: z.boolean().optional(),
      markdown_ticket_comments: z.boolean().optional(),
      custom_statuses_enabled: z.boolean().optional(),
    })
    .optional(),
  user: z
    .looseObject({
      tagging: z.boolean().optional(),
      /** Whether end users may belong to several organizations (name from Zendesk's Account Settings; unverified). */
      multiple_organizations: z.boolean().optional(),
    })
    .optional(),
  active_features: z
    .looseObject({
      user_tagging: z.boolean().optional(),
      ticket_tagging: z.boolean().optional(),
      on_hold_status: z.boolean().optional(),
    })
    .optional(),
  localization: z
    .looseObject({
      time_zone: z.string().optional(),
      iana_time_zone: z.string().optional(),
      default_locale_identifier: z.string().optional(),
    })
    .optional(),
});
export type AccountSettings = z.infer<typeof accountSettingsSchema>;
export const accountSettingsResponseSchema = z.looseObject({ settings: accountSettingsSchema });
