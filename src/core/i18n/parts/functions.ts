import { defineMessages } from '../catalogue';

export const functionsMessages = defineMessages({});
