/**
 * A dashed edge with an arrow head, for negated relations: "X did NOT endorse Y" must never look like "X endorsed
 * Y", in colour and in line. sigma 3 has no dashed program; this is its rectangle edge program with the distance
 * along the edge passed to the fragment shader, which leaves gaps. Picking (clicks) still uses the whole edge.
 */
import type { Attributes } from 'graphology-types';
import { createEdgeCompoundProgram, EdgeArrowHeadProgram, EdgeRectangleProgram, type EdgeProgramType } from 'sigma/rendering';

/** Dash period and dash length, in clip-space units (2 = the viewport's width): about 14 px and 8 px at 1000 px. */
const PERIOD = '0.028';
const DASH = '0.016';

function insertAfter(source: string, anchor: string, text: string): string {
  const at = source.indexOf(anchor);
  // sigma's shaders are part of its pinned version (3.0.3); a change there must fail loudly, not draw solid lines.
  if (at === -1) throw new Error(`dashed edges: sigma's edge shader has no "${anchor.trim()}"`);
  return source.slice(0, at + anchor.length) + text + source.slice(at + anchor.length);
}

class DashedEdgeProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends EdgeRectangleProgram<N, E, G> {
  override getDefinition(): ReturnType<EdgeRectangleProgram['getDefinition']> {
    const definition = super.getDefinition();
    let vertex = insertAfter(definition.VERTEX_SHADER_SOURCE, 'varying float v_feather;\n', 'varying float v_along;\n');
    vertex = insertAfter(
      vertex,
      'void main() {\n',
      '  v_along = a_positionCoef * length((u_matrix * vec3(a_positionEnd, 1)).xy - (u_matrix * vec3(a_positionStart, 1)).xy);\n',
    );
    let fragment = insertAfter(definition.FRAGMENT_SHADER_SOURCE, 'varying float v_feather;\n', 'varying float v_along;\n');
    fragment = insertAfter(fragment, 'void main(void) {\n', `  #ifndef PICKING_MODE\n  if (mod(v_along, ${PERIOD}) > ${DASH}) discard;\n  #endif\n`);
    return { ...definition, VERTEX_SHADER_SOURCE: vertex, FRAGMENT_SHADER_SOURCE: fragment };
  }
}

/** The dashed line and sigma's arrow head, drawn as one edge. */
export function createDashedArrowProgram<N extends Attributes, E extends Attributes>(): EdgeProgramType<N, E> {
  // Both program classes are typed for plain Attributes and read only positions, sizes and colours.
  return createEdgeCompoundProgram([DashedEdgeProgram, EdgeArrowHeadProgram] as unknown as EdgeProgramType<N, E>[]);
}
