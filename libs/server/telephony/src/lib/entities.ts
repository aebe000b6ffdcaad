import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A PBX allowed to push calls: its secret token is the last part of its endpoint URL. */
@Entity('cti_endpoint')
export class CtiEndpointEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id!: number;
  @Column() name!: string;
  @Column() token!: string;
  @Column({ name: 'platform_id', type: 'int', unsigned: true }) platformId!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'rotated_at', type: 'datetime', precision: 3, nullable: true }) rotatedAt!: Date | null;
}

/** 示闲 / 示忙 as the agent last set it. */
@Entity('agent_state')
export class AgentStateEntity {
  @PrimaryColumn({ name: 'user_id', type: 'int', unsigned: true }) userId!: number;
  @Column() state!: string;
  @Column({ name: 'changed_at', type: 'datetime', precision: 3 }) changedAt!: Date;
}

/**
 * One call (call_record, shared with the legacy import, which writes it with plain SQL too). Live calls carry the
 * PBX and its call id; the import's rows leave them null.
 */
export interface CallRow {
  id: number;
  platform_id: number;
  pbx_id: number | null;
  call_id: string | null;
  direction: 'in' | 'out';
  caller_phone: string;
  callee: string | null;
  queue: string;
  called_at: Date;
  answered: number;
  answered_at: Date | null;
  hung_up_at: Date | null;
  agent_id: number | null;
  agent_number: string | null;
  transfers: number;
  cause: string | null;
  recording_url: string | null;
  counted: number;
  order_id: number | null;
  link_purpose: string | null;
}

export const TELEPHONY_ENTITIES = [CtiEndpointEntity, AgentStateEntity];
