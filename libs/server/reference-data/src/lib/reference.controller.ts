import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ParseIdPipe } from '@hotline/server-platform';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { CreateCategoryDto, CreateTopicDto, CreateUnitDto, HolidayQueryDto, PutHolidayDto, UpdateCategoryDto, UpdateTopicDto, UpdateUnitDto } from './dto';
import { ReferenceAdminService } from './reference-admin.service';
import { ReferenceService, toUnitView } from './reference.service';

@ApiTags('reference')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(private readonly ref: ReferenceService) {}

  @Get('regions') regions() {
    return this.ref.regions();
  }
  @Get('units') units() {
    return this.ref.units();
  }
  @Get('categories') categories() {
    return this.ref.categoryTree();
  }
  @Get('channels') channels() {
    return this.ref.channels();
  }
  @Get('appeal-types') appealTypes() {
    return this.ref.appealTypes();
  }
  @Get('topics') topics() {
    return this.ref.topics();
  }
  @Get('platforms') platforms() {
    return this.ref.platforms();
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class ReferenceAdminController {
  constructor(
    private readonly admin: ReferenceAdminService,
    private readonly ref: ReferenceService,
  ) {}

  @Get('units') async units() {
    return (await this.ref.snapshot()).units.map(toUnitView);
  }
  @Post('units') async createUnit(@CurrentUser() u: AuthUser, @Body() dto: CreateUnitDto) {
    return toUnitView(await this.admin.createUnit(u, dto));
  }
  @Patch('units/:id') async updateUnit(@CurrentUser() u: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateUnitDto) {
    return toUnitView(await this.admin.updateUnit(u, id, dto));
  }

  @Get('categories') categories() {
    return this.ref.categoryTree(true);
  }
  @Post('categories') createCategory(@CurrentUser() u: AuthUser, @Body() dto: CreateCategoryDto) {
    return this.admin.createCategory(u, dto);
  }
  @Patch('categories/:id') updateCategory(@CurrentUser() u: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateCategoryDto) {
    return this.admin.updateCategory(u, id, dto);
  }

  @Post('topics') createTopic(@CurrentUser() u: AuthUser, @Body() dto: CreateTopicDto) {
    return this.admin.createTopic(u, dto);
  }
  @Patch('topics/:id') updateTopic(@CurrentUser() u: AuthUser, @Param('id', ParseIdPipe) id: number, @Body() dto: UpdateTopicDto) {
    return this.admin.updateTopic(u, id, dto);
  }

  @Get('holidays') holidays(@Query() q: HolidayQueryDto) {
    return this.ref.holidays(q.year);
  }
  @Put('holidays/:date') putHoliday(@CurrentUser() u: AuthUser, @Param('date') date: string, @Body() dto: PutHolidayDto) {
    return this.admin.putHoliday(u, date, dto);
  }
  @Delete('holidays/:date') @HttpCode(204) deleteHoliday(@CurrentUser() u: AuthUser, @Param('date') date: string) {
    return this.admin.deleteHoliday(u, date);
  }
}
