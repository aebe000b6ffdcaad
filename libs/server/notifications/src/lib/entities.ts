import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One notice to one user. Notices addressed to a unit or a role are fanned out to its users when written. */
@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: number;
  @Column({ name: 'user_id', type: 'int' }) userId!: number;
  @Column({ name: 'unit_id', type: 'int', nullable: true }) unitId!: number | null;
  @Column({ name: 'order_id', type: 'bigint', nullable: true }) orderId!: number | null;
  @Column() kind!: string;
  @Column() title!: string;
  @Column({ type: 'varchar', nullable: true }) body!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true }) readAt!: Date | null;
}

export const NOTIFICATION_ENTITIES = [NotificationEntity];
