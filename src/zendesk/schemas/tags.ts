import { z } from 'zod';

export const autocompleteTagsResponseSchema = z.looseObject({ tags: z.array(z.string()) });
