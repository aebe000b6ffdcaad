import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ChannelGroup } from '@hotline/contracts';

const bool = { to: (v: boolean) => (v ? 1 : 0), from: (v: number) => !!v };

@Entity('region')
export class RegionEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id!: number;
  @Column() code!: string;
  @Column() name!: string;
  @Column({ type: 'varchar' }) kind!: 'city' | 'district' | 'county' | 'zone';
  @Column() sort!: number;
}

@Entity('unit')
export class UnitEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id!: number;
  @Column() code!: string;
  @Column() name!: string;
  @Column({ type: 'varchar' }) kind!: 'bureau' | 'region_gov' | 'utility' | 'town' | 'other';
  @Column({ name: 'parent_id', type: 'int', nullable: true }) parentId!: number | null;
  @Column({ name: 'region_id', type: 'int', nullable: true }) regionId!: number | null;
  @Column({ name: 'is_county', type: 'tinyint', transformer: bool }) isCounty!: boolean;
  @Column({ type: 'tinyint', transformer: bool }) active!: boolean;
  @Column() sort!: number;
  @Column({ type: 'int', unsigned: true }) version!: number;
}

@Entity('category')
export class CategoryEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id!: number;
  @Column() code!: string;
  @Column() name!: string;
  @Column({ name: 'parent_id', type: 'int', nullable: true }) parentId!: number | null;
  @Column({ type: 'tinyint' }) level!: 1 | 2 | 3;
  @Column() path!: string;
  @Column({ name: 'default_unit_id', type: 'int', nullable: true }) defaultUnitId!: number | null;
  @Column({ type: 'tinyint', transformer: bool }) active!: boolean;
  @Column() sort!: number;
  @Column({ type: 'int', unsigned: true }) version!: number;
}

@Entity('channel')
export class ChannelEntity {
  @PrimaryColumn() code!: string;
  @Column() name!: string;
  @Column({ name: 'grp', type: 'varchar' }) group!: ChannelGroup;
  @Column() sort!: number;
}

@Entity('appeal_type')
export class AppealTypeEntity {
  @PrimaryColumn() code!: string;
  @Column() name!: string;
  @Column() sort!: number;
}

@Entity('topic')
export class TopicEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id!: number;
  @Column() code!: string;
  @Column() name!: string;
  @Column({ type: 'tinyint', transformer: bool }) active!: boolean;
  @Column() sort!: number;
  @Column({ type: 'int', unsigned: true }) version!: number;
}

@Entity('platform')
export class PlatformEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id!: number;
  @Column() code!: string;
  @Column() name!: string;
  @Column({ name: 'region_id', type: 'int', nullable: true }) regionId!: number | null;
}

@Entity('holiday')
export class HolidayEntity {
  /** YYYY-MM-DD as a string: a calendar date, not an instant. */
  @PrimaryColumn({ type: 'date', transformer: { to: (v: string) => v, from: (v: string | Date) => (v instanceof Date ? v.toISOString().slice(0, 10) : v) } })
  day!: string;
  @Column({ type: 'varchar' }) kind!: 'holiday' | 'workday';
  @Column() name!: string;
}

export const REFERENCE_ENTITIES = [RegionEntity, UnitEntity, CategoryEntity, ChannelEntity, AppealTypeEntity, TopicEntity, PlatformEntity, HolidayEntity];
