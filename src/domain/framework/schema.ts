import { z } from '../zod';
import { LEVEL_IDS } from '../levels';

/**
 * The shape every framework file must have before the app uses it.
 * Frameworks are content (data), validated on load; the app never trusts them blindly.
 */
const text = z.string().trim().min(1);

const descriptorsSchema = z.object({
  emerging: text,
  developing: text,
  maturing: text,
  thriving: text,
});

export const criterionSchema = z.object({
  id: text,
  title: text,
  descriptors: descriptorsSchema,
  evidence: z.array(text),
});

export const characteristicSchema = z.object({
  id: text,
  title: text,
  matrixRow: text,
  summary: text,
  criteria: z.array(criterionSchema).min(1),
});

export const milestoneSchema = z.object({
  date: z.iso.date(),
  precision: z.enum(['day', 'month']),
  label: text,
  source: text,
});

export const frameworkSchema = z
  .object({
    id: text,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must look like 1.0.0'),
    title: text,
    attribution: text,
    provenance: text,
    levels: z
      .array(
        z.object({
          id: z.enum(LEVEL_IDS),
          rank: z.number().int().min(1).max(4),
          title: text,
          description: text,
        }),
      )
      .length(4),
    characteristics: z.array(characteristicSchema).min(1),
    scoring: z.record(z.string(), z.string()),
    milestones: z.array(milestoneSchema),
  })
  .superRefine((fw, ctx) => {
    fw.levels.forEach((level, index) => {
      if (level.id !== LEVEL_IDS[index] || level.rank !== index + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index],
          message: `levels must be ${LEVEL_IDS.join(', ')} in order`,
        });
      }
    });
    const seen = new Set<string>();
    for (const characteristic of fw.characteristics) {
      for (const id of [characteristic.id, ...characteristic.criteria.map((c) => c.id)]) {
        if (seen.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['characteristics'],
            message: `duplicate id ${id}`,
          });
        }
        seen.add(id);
      }
    }
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type Characteristic = z.infer<typeof characteristicSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
