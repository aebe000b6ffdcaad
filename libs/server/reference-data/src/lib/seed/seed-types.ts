// Shapes of the reference data the seeder loads into MariaDB. Pure types, no runtime code.

/** A region (区域) of the city; `name` matches the annual report verbatim. */
export interface RegionSeed {
  code: string;
  name: string;
  kind: 'city' | 'district' | 'county' | 'zone';
  sort: number;
}

/**
 * A member unit (成员单位) or a town/street under a region government.
 * `code` doubles as the login username of the unit's demo handler.
 */
export interface UnitSeed {
  code: string;
  name: string;
  kind: 'bureau' | 'region_gov' | 'utility' | 'town' | 'other';
  parentCode?: string;
  regionCode?: string;
  county?: boolean;
}

/** A node of the three-level appeal category tree (诉求分类). */
export interface CategorySeed {
  code: string;
  name: string;
  defaultUnitCode?: string;
  samples?: string[];
  children?: CategorySeed[];
}

/** A special topic (专题) an order can be tagged with, e.g. 疫情防控, 文明创建. */
export interface TopicSeed {
  code: string;
  name: string;
}

/** An intake platform: the city platform (regionCode null) or a region's sub-platform. */
export interface PlatformSeed {
  code: string;
  name: string;
  regionCode: string | null;
}
