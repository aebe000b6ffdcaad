import { Signal, computed, inject } from '@angular/core';
import { ReferenceStore } from '@hotline/web-core-data-access';
import { OrderLookups } from '@hotline/web-orders-ui';

/** Order lookups bound to the session's reference data; a new object whenever that data changes. */
export function injectOrderLookups(): Signal<OrderLookups> {
  const ref = inject(ReferenceStore);
  return computed<OrderLookups>(() => {
    const units = ref.unitNames();
    const regions = ref.regionNames();
    const topics = ref.topicNames();
    const channels = ref.channelNames();
    const appealTypes = ref.appealTypeNames();
    return {
      unitName: (id) => (id == null ? '' : (units.get(id) ?? `单位#${id}`)),
      regionName: (id) => (id == null ? '' : (regions.get(id) ?? '')),
      topicName: (code) => topics.get(code) ?? code,
      channelName: (code) => channels.get(code) ?? code,
      appealTypeName: (code) => appealTypes.get(code) ?? code,
    };
  });
}
