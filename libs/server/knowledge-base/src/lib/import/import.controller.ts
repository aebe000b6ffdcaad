import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import type { KnowledgeImportSummary } from '@hotline/contracts';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { AppException, ParseIdPipe } from '@hotline/server-platform';
import { ImportQueryDto } from '../dto';
import { EDITOR_ROLES } from '../workflow';
import { KnowledgeImportService } from './knowledge-import.service';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('knowledge/import')
export class KnowledgeImportController {
  constructor(private readonly imports: KnowledgeImportService) {}

  /** The file is the request body; 200 with the summary when it was small enough to import at once, else 202. */
  @Post()
  @Roles(...EDITOR_ROLES)
  @ApiConsumes('application/octet-stream', 'text/csv')
  async upload(
    @CurrentUser() user: AuthUser,
    @Query() q: ImportQueryDto,
    @Req() req: { body?: unknown },
    @Res({ passthrough: true }) reply: { status(code: number): unknown },
  ): Promise<KnowledgeImportSummary> {
    const body = req.body as Readable | undefined;
    if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function')
      throw new AppException('UNSUPPORTED_MEDIA_TYPE', 'send the file as the body with Content-Type application/octet-stream, text/csv or the xlsx type');
    const { sync, summary } = await this.imports.submit(user, q.fileName, body);
    reply.status(sync ? 200 : 202);
    return summary;
  }

  @Get(':id')
  @Roles(...EDITOR_ROLES)
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number): Promise<KnowledgeImportSummary> {
    return this.imports.summary(user, id);
  }
}
