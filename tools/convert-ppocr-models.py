#!/usr/bin/python3
"""Rewrite PaddleOCR's PP-OCRv4 text recogniser (ONNX) into a graph Debian 12's OpenCV 4.6 cv::dnn runs.

Weights are copied untouched; only how the graph is spelt changes: the input pinned to
1x3x48xWIDTH (OpenCV folds the Shape ops only for a static input), Constant nodes turned into
initializers (a 1-D Constant bias fails at forward time), and LayerNorm's per-channel scale
Mul(x[1,T,C], gamma[C]) turned into MatMul(x, diag(gamma)), which OpenCV 4.6 broadcasts correctly.
Usage: convert-ppocr-models.py IN OUT WIDTH
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def constants_to_initializers(graph):
    kept = []
    for node in graph.node:
        if node.op_type == "Constant" and node.attribute and node.attribute[0].name == "value":
            tensor = onnx.TensorProto()
            tensor.CopyFrom(node.attribute[0].t)
            tensor.name = node.output[0]
            graph.initializer.append(tensor)
        else:
            kept.append(node)
    del graph.node[:]
    graph.node.extend(kept)


def initializer_values(graph):
    return {t.name: numpy_helper.to_array(t) for t in graph.initializer}


def convert_recogniser(model, width):
    graph = model.graph
    dims = graph.input[0].type.tensor_type.shape.dim
    for dim, value in zip(dims, (1, 3, 48, width)):
        dim.Clear()
        dim.dim_value = value
    constants_to_initializers(graph)
    values = initializer_values(graph)
    for node in graph.node:
        if node.op_type != "Mul":
            continue
        scale = next((i for i in node.input if i in values and values[i].ndim == 1 and values[i].size > 1), None)
        if scale is None:
            continue
        diagonal = numpy_helper.from_array(np.diag(values[scale]).astype(np.float32), scale + ".diag")
        graph.initializer.append(diagonal)
        other = node.input[0] if node.input[1] == scale else node.input[1]
        node.op_type = "MatMul"
        del node.input[:]
        node.input.extend([other, diagonal.name])
    return model


def main(argv):
    if len(argv) != 4 or not argv[3].isdigit():
        sys.exit(__doc__)
    onnx.save(convert_recogniser(onnx.load(argv[1]), int(argv[3])), argv[2])


if __name__ == "__main__":
    main(sys.argv)
