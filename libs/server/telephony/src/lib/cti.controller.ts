import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@hotline/server-platform';
import { CtiService, type CtiResult } from './cti.service';

/**
 * The PBX's push endpoint, Zammad's generic CTI API: no login, the token in the path names the PBX. Bodies are
 * JSON or form-encoded (the form parser is registered for this path only, see CtiFormParser).
 */
@ApiTags('telephony')
@Controller('cti')
export class CtiController {
  constructor(private readonly cti: CtiService) {}

  @Public()
  @Post(':token')
  @HttpCode(200)
  push(@Param('token') token: string, @Body() body: unknown): Promise<CtiResult> {
    return this.cti.ingest(token, body);
  }
}
