/** Turn-scoped flags shared by the bot, its middleware and the data eraser. */
export const ERASED_THIS_TURN = Symbol('billcoach.erasedThisTurn');
