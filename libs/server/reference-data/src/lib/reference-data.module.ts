import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { REFERENCE_ENTITIES } from './entities';
import { ReferenceAdminService } from './reference-admin.service';
import { ReferenceAdminController, ReferenceController } from './reference.controller';
import { ReferenceService } from './reference.service';

@Module({
  imports: [TypeOrmModule.forFeature(REFERENCE_ENTITIES)],
  controllers: [ReferenceController, ReferenceAdminController],
  providers: [ReferenceService, ReferenceAdminService],
  exports: [ReferenceService],
})
export class ReferenceDataModule {}
