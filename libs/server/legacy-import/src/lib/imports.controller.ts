import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { ImportJobView, ImportRowError, Page } from '@hotline/contracts';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { AppException, ParseIdPipe } from '@hotline/server-platform';
import { ImportErrorsQueryDto, ImportUploadDto } from './dto';
import { ImportQueue } from './import-queue';
import { ImportJobsService } from './import-jobs.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly queue: ImportQueue,
    private readonly jobs: ImportJobsService,
  ) {}

  /** The file is the request body (application/octet-stream, text/csv or the xlsx type); 202 with the queued job. */
  @Post()
  @HttpCode(202)
  @Roles('admin')
  @ApiConsumes('application/octet-stream', 'text/csv')
  upload(@CurrentUser() user: AuthUser, @Query() q: ImportUploadDto, @Req() req: { body?: unknown }): Promise<ImportJobView> {
    const body = req.body as NodeJS.ReadableStream | undefined;
    if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function')
      throw new AppException('UNSUPPORTED_MEDIA_TYPE', 'send the file as the body with Content-Type application/octet-stream, text/csv or the xlsx type');
    return this.queue.submitImport(user.id, q.kind, q.fileName, body as never);
  }

  @Get()
  @Roles('admin')
  list(): Promise<ImportJobView[]> {
    return this.jobs.list();
  }

  @Get(':id')
  @Roles('admin')
  get(@Param('id', ParseIdPipe) id: number): Promise<ImportJobView> {
    return this.jobs.get(id);
  }

  @Get(':id/errors')
  @Roles('admin')
  errors(@Param('id', ParseIdPipe) id: number, @Query() q: ImportErrorsQueryDto): Promise<Page<ImportRowError>> {
    return this.jobs.errors(id, q.page ?? 1, q.pageSize ?? 100);
  }
}
