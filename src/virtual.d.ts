// Modules made by the build (src/build/).
declare module 'virtual:digits-url' {
  /** The address of the handwritten digits' file (src/build/digitsAsset.ts). */
  const url: string;
  export default url;
}
