use wasm_bindgen as _;
