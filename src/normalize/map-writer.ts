// Normalisation steps write through core's MapWriter; kept here so steps import it locally.
export { MapWriter } from '../core/map-writer.js';
