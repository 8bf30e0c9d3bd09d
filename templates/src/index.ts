import { validateBoard, type BoardTemplate } from '@rejse/shared';
import blank from './blank.json' with { type: 'json' };

/**
 * Built-in board templates, as data. Each JSON file is a complete board (schema-valid,
 * checked by a test) plus the gallery's title and description.
 */
const RAW_TEMPLATES: readonly unknown[] = [blank];

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
