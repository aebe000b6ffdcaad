import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'isPublic';
/** Marks a route that needs no login (login itself, health). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
