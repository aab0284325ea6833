#pragma once
// The viewer's look: DejaVu Sans at the monitor's content scale and a light, flat ImGui style
// that sits calmly next to the pale sky of the scene.

namespace subterra {

// The side panel's width in points (times the content scale); the scene starts right of it.
inline constexpr float kSidebarWidth = 330;

// Loads the font and sets the style; `scale` is glfwGetWindowContentScale's value.
void applyTheme(float scale);

// A small heading over a separator line, for sections inside a panel.
void sectionTitle(const char* text);

}  // namespace subterra
