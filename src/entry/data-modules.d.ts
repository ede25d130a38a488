// Files the Workers bundle imports as data modules (wrangler.toml [[rules]], type "Data"): their bytes.
declare module '*.ttf' {
  const bytes: ArrayBuffer;
  export default bytes;
}
