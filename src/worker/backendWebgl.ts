// The WebGL backend in a chunk of its own, loaded only when asked for.
import '@tensorflow/tfjs-backend-webgl';
