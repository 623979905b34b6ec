import { answerChallenge } from './respond-to-auth-challenge.ts';
import { adminClientOf, type Operation } from './shared.ts';

/** AdminRespondToAuthChallenge: RespondToAuthChallenge for a server naming the pool. */
export const adminRespondToAuthChallenge: Operation = async (emulator, input, request) => {
  const { pool, client } = adminClientOf(emulator, input);
  return answerChallenge(emulator, pool, client, input, request);
};
