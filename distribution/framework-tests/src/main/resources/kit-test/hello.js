// The page of KitTest's plugin: proves the kit serves a plugin's module.
export async function render(element, context) {
  element.append(context.el('h1', {}, 'Hello from the kit'));
}
