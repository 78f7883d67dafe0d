import { defineMessages } from '../catalogue';

export const summaryMessages = defineMessages({});
