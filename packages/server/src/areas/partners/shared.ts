/** What the partners area's parts share: input types, the deadline setting's shape, request types in words. */
import { PARTNER_REQUEST_TYPE, type PartnerRequestType } from '@lantern/core/partners';
import type { z } from 'zod';

export type In<T extends z.ZodType> = z.infer<T>;
export type Due = { unit: 'working-days' | 'days' | 'weeks'; n: number };

export const describeType = (t: string) => PARTNER_REQUEST_TYPE[t as PartnerRequestType]?.label ?? t;
