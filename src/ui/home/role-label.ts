import type { Translate } from '../../i18n/translate.ts';
import type { AgentRole } from '../../zaf/current-user.ts';

export function roleLabel(role: AgentRole, t: Translate): string {
  switch (role.kind) {
    case 'admin':
      return t('role.admin');
    case 'agent':
      return t('role.agent');
    case 'custom':
      return t('role.custom', { id: String(role.customRoleId) });
    case 'end-user':
      return t('role.end_user');
  }
}
