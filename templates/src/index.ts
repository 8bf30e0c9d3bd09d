import { validateBoard, type BoardTemplate } from '@rejse/shared';
import blank from './blank.json' with { type: 'json' };
import collectionLetters from './collection-letters.json' with { type: 'json' };
import preReminderWindow from './pre-reminder-window.json' with { type: 'json' };
import telecomYoungCustomers from './telecom-young-customers.json' with { type: 'json' };
import insuranceLifecycleNps from './insurance-lifecycle-nps.json' with { type: 'json' };
import b2bCreditInformation from './b2b-credit-information.json' with { type: 'json' };

export { templatePreview, type TemplatePreview, type TemplateCardCounts } from './preview.ts';

/**
 * Built-in board templates, as data. Each JSON file is a complete board (schema-valid,
 * checked by a test) plus the gallery's title and description. The blank template comes
 * first: it is the default. The others are the reference cases of `shared/DOMAIN.md`.
 */
const RAW_TEMPLATES: readonly unknown[] = [
  blank,
  collectionLetters,
  preReminderWindow,
  telecomYoungCustomers,
  insuranceLifecycleNps,
  b2bCreditInformation,
];

function load(raw: unknown): BoardTemplate {
  const template = raw as BoardTemplate;
  const result = validateBoard(template.board);
  if (!result.ok) throw new Error(`template "${template.id}" is invalid: ${result.errors.join('; ')}`);
  return { id: template.id, title: template.title, description: template.description, board: result.value };
}

export const TEMPLATES: readonly BoardTemplate[] = RAW_TEMPLATES.map(load);

export const DEFAULT_TEMPLATE_ID = 'blank';

export function findTemplate(id: string): BoardTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
