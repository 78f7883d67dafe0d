import { defineMessages } from '../catalogue';

export const reportsMessages = defineMessages({});
