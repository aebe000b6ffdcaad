import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@hotline/contracts';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id!: number;
  @Column() username!: string;
  @Column({ name: 'password_hash' }) passwordHash!: string;
  @Column({ name: 'display_name' }) displayName!: string;
  @Column({ type: 'varchar' }) role!: Role;
  @Column({ name: 'unit_id', type: 'int', nullable: true }) unitId!: number | null;
  @Column({ type: 'tinyint', width: 1, transformer: { to: (v: boolean) => (v ? 1 : 0), from: (v: number) => !!v } }) active!: boolean;
  @Column({ type: 'int', unsigned: true, default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at' }) updatedAt!: Date;
}
