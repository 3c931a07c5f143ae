/**
 * The console's parser: text typed or pasted -> the `aws` commands in it -> the API calls they make,
 * read as AWS CLI v2 reads them, from the same shape table the model validates with. Pure.
 */
export { type Argument, cliCommands, findOperation, type Operation, operationOf } from './commands.ts';
export { CLIENT_ERROR, clientError, type Failure, GENERAL_ERROR, PARAM_ERROR } from './errors.ts';
export {
  buildCall,
  loadInputJson,
  type OutputFormat,
  type Parsed,
  type ParseOptions,
  parseCommand,
} from './parse-command.ts';
export { isDict, type PyValue } from './py-values.ts';
export { splitWords, type Words } from './words.ts';
