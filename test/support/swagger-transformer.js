// Applies the @nestjs/swagger compiler plugin under ts-jest, as `nest build` does, so the
// OpenAPI document the tests read is the one production serves.
const transformer = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (compiler) =>
  transformer.before({ introspectComments: true, classValidatorShim: true }, compiler.program);
