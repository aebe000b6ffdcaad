import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { KnowledgeDictionary, KnowledgeDictionaryEntry } from '@hotline/contracts';
import { CurrentUser, Roles, type AuthUser } from '@hotline/server-identity';
import { ParseIdPipe } from '@hotline/server-platform';
import { DictionaryService } from './dictionary.service';
import { DictionaryEntryDto } from './dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/knowledge/dictionary')
@Roles('admin')
export class DictionaryController {
  constructor(private readonly dictionary: DictionaryService) {}

  @Get()
  list(): Promise<KnowledgeDictionary> {
    return this.dictionary.list();
  }

  @Post()
  add(@CurrentUser() user: AuthUser, @Body() body: DictionaryEntryDto): Promise<KnowledgeDictionaryEntry> {
    return this.dictionary.add(user, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.dictionary.remove(user, id);
  }
}
