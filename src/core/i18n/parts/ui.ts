import { defineMessages } from '../catalogue';

export const uiMessages = defineMessages({});
