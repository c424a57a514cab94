/**
 * Every migration, listed in code rather than found by scanning a folder, so they still run
 * when the app is bundled. Names sort in the order they run; never rename or edit one that has
 * shipped: add the next one.
 */
import type { Migration } from 'kysely';
import { initial } from './001-initial.ts';
import { loginFailures } from './002-login-failures.ts';
import { reminders } from './003-reminders.ts';
import { reminderSettings } from './004-reminder-settings.ts';
import { caseFiles } from './005-case-files.ts';
import { listIndexes } from './006-list-indexes.ts';

export const migrations: Readonly<Record<string, Migration>> = {
  '001_initial': initial,
  '002_login_failures': loginFailures,
  '003_reminders': reminders,
  '004_reminder_settings': reminderSettings,
  '005_case_files': caseFiles,
  '006_list_indexes': listIndexes,
};
