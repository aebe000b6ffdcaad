import { computed, inject } from '@angular/core';
import { APPEAL_TYPES, AppealTypeView, CHANNELS, CategoryNode, ChannelView, PlatformView, RegionView, TopicView, UnitView } from '@hotline/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { ApiClient } from './api-client';
import { CallState } from './call-state';
import { errorMessage } from './error-messages';
import { buildUnitTree, descendantUnits, defaultUnitFor, flattenCategories, nameOptions, toCascaderOptions } from './reference.utils';

interface ReferenceState {
  regions: RegionView[];
  units: UnitView[];
  categories: CategoryNode[];
  channels: ChannelView[];
  appealTypes: AppealTypeView[];
  topics: TopicView[];
  platforms: PlatformView[];
  callState: CallState;
}

const initialState: ReferenceState = {
  regions: [],
  units: [],
  categories: [],
  // channels and appeal types are contract vocabulary, so they are usable before the API answers
  channels: CHANNELS.map((c) => ({ ...c })),
  appealTypes: APPEAL_TYPES.map((a) => ({ ...a })),
  topics: [],
  platforms: [],
  callState: 'init',
};

function nameMap<K, T extends { name: string }>(rows: readonly T[], key: (row: T) => K): Map<K, string> {
  return new Map(rows.map((r) => [key(r), r.name]));
}

/**
 * Reference data every screen needs (regions, units, the category tree …). It changes rarely, so it
 * is fetched once per session and refreshed explicitly after an admin edit.
 */
export const ReferenceStore = signalStore(
  { providedIn: 'root' },
  withState<ReferenceState>(initialState),
  withComputed((s) => {
    const categoryById = computed(() => new Map(flattenCategories(s.categories()).map((c) => [c.id, c])));
    const activeUnits = computed(() => s.units().filter((u) => u.active));
    const activeTopics = computed(() => s.topics().filter((t) => t.active));
    return {
      unitById: computed(() => new Map(s.units().map((u) => [u.id, u]))),
      unitNames: computed(() => nameMap(s.units(), (u) => u.id)),
      regionNames: computed(() => nameMap(s.regions(), (r) => r.id)),
      topicNames: computed(() => nameMap(s.topics(), (t) => t.code)),
      channelNames: computed(() => nameMap(s.channels(), (c) => c.code)),
      appealTypeNames: computed(() => nameMap(s.appealTypes(), (a) => a.code)),
      activeUnits,
      activeTopics,
      /** The same lists as select options (`{ value, label }`, hl-option-select). */
      unitOptions: computed(() => nameOptions(s.units(), 'id')),
      activeUnitOptions: computed(() => nameOptions(activeUnits(), 'id')),
      regionOptions: computed(() => nameOptions(s.regions(), 'id')),
      channelOptions: computed(() => nameOptions(s.channels(), 'code')),
      appealTypeOptions: computed(() => nameOptions(s.appealTypes(), 'code')),
      topicOptions: computed(() => nameOptions(s.topics(), 'code')),
      activeTopicOptions: computed(() => nameOptions(activeTopics(), 'code')),
      unitTree: computed(() => buildUnitTree(s.units())),
      categoryById,
      categoryOptions: computed(() => toCascaderOptions(s.categories())),
      loaded: computed(() => s.callState() === 'loaded'),
    };
  }),
  withMethods((store, api = inject(ApiClient)) => {
    let inflight: Promise<void> | null = null;

    async function fetchAll(): Promise<void> {
      patchState(store, { callState: 'loading' });
      const [regions, units, categories, channels, appealTypes, topics, platforms] = await Promise.allSettled([
        api.get<RegionView[]>('/regions'),
        api.get<UnitView[]>('/units'),
        api.get<CategoryNode[]>('/categories'),
        api.get<ChannelView[]>('/channels'),
        api.get<AppealTypeView[]>('/appeal-types'),
        api.get<TopicView[]>('/topics'),
        api.get<PlatformView[]>('/platforms'),
      ]);
      const value = <T>(r: PromiseSettledResult<T>, fallback: T): T => (r.status === 'fulfilled' && r.value ? r.value : fallback);
      patchState(store, {
        regions: value(regions, store.regions()),
        units: value(units, store.units()),
        categories: value(categories, store.categories()),
        channels: value(channels, store.channels()),
        appealTypes: value(appealTypes, store.appealTypes()),
        topics: value(topics, store.topics()),
        platforms: value(platforms, store.platforms()),
      });
      // regions, units and categories are what intake cannot work without
      const essential = [regions, units, categories].find((r) => r.status === 'rejected');
      patchState(store, {
        callState: essential
          ? {
              error: `基础数据加载失败：${errorMessage((essential as PromiseRejectedResult).reason)}`,
            }
          : 'loaded',
      });
    }

    return {
      /** Loads once; concurrent callers share the request. `force` refetches (after an admin edit). */
      load(force = false): Promise<void> {
        if (!force && store.callState() === 'loaded') return Promise.resolve();
        if (!inflight) inflight = fetchAll().finally(() => (inflight = null));
        return inflight;
      },
      unitName(id: number | null | undefined): string {
        return id == null ? '' : (store.unitNames().get(id) ?? `单位#${id}`);
      },
      regionName(id: number | null | undefined): string {
        return id == null ? '' : (store.regionNames().get(id) ?? '');
      },
      topicName(code: string): string {
        return store.topicNames().get(code) ?? code;
      },
      channelName(code: string): string {
        return store.channelNames().get(code) ?? code;
      },
      appealTypeName(code: string): string {
        return store.appealTypeNames().get(code) ?? code;
      },
      subUnitsOf(unitId: number | null | undefined): UnitView[] {
        return unitId == null ? [] : descendantUnits(store.units(), unitId).filter((u) => u.active);
      },
      defaultUnitFor(categoryId: number | null | undefined): number | null {
        return defaultUnitFor(store.categoryById(), categoryId);
      },
      clear(): void {
        patchState(store, initialState);
      },
    };
  }),
);
