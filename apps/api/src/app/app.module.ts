import { Module } from '@nestjs/common';
import { IdentityModule } from '@hotline/server-identity';
import { OrdersModule } from '@hotline/server-orders';
import { PlatformModule } from '@hotline/server-platform';
import { ReferenceDataModule } from '@hotline/server-reference-data';

/** The HTTP API: composition only; behaviour lives in the feature libs. */
@Module({
  imports: [PlatformModule.forRoot({ processName: 'api' }), IdentityModule, ReferenceDataModule, OrdersModule],
})
export class AppModule {}
