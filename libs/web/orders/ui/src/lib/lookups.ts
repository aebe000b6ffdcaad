import { APPEAL_TYPES, CHANNELS } from '@hotline/contracts';

/** Names for the ids and codes an order carries; the feature layer binds these to the ReferenceStore. */
export interface OrderLookups {
  unitName(id: number | null | undefined): string;
  regionName(id: number | null | undefined): string;
  topicName(code: string): string;
  channelName(code: string): string;
  appealTypeName(code: string): string;
}

const channelNames = new Map<string, string>(CHANNELS.map((c) => [c.code, c.name]));
const appealNames = new Map<string, string>(APPEAL_TYPES.map((a) => [a.code, a.name]));

export const BASIC_LOOKUPS: OrderLookups = {
  unitName: (id) => (id == null ? '' : `单位#${id}`),
  regionName: (id) => (id == null ? '' : `区域#${id}`),
  topicName: (code) => code,
  channelName: (code) => channelNames.get(code) ?? code,
  appealTypeName: (code) => appealNames.get(code) ?? code,
};
