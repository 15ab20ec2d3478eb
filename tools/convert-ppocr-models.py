#!/usr/bin/python3
"""Rewrite PaddleOCR's PP-OCRv4 text recogniser (ONNX) into a graph Debian 12's OpenCV 4.6 cv::dnn runs.

The weights are copied untouched; only how the graph is spelt changes: the input pinned to
1x3x48xWIDTH (OpenCV folds the Shape ops only for a static input), Constant nodes turned into
initializers (a 1-D Constant bias fails at forward time), and LayerNorm's per-channel scale
Mul(x[1,T,C], gamma[C]) turned into MatMul(x, diag(gamma)), which OpenCV 4.6 broadcasts correctly.
Two fusions make it faster (about 15% a pass) without changing what it computes: a Conv followed by
a scalar Mul and Add (the re-parameterised MobileOne blocks) becomes one Conv with scaled weights,
and hard-swish spelt Add(x, 3) -> Clip(0, 6) -> Mul(x, .) -> Div(., 6) becomes OpenCV's HardSwish,
which it fuses into the Conv before it.
The output layer keeps only the classes a Latin-script label can print (the CTC blank, Latin
letters, digits, punctuation, the space) out of 6625 Chinese and Latin ones: a third of the
weights, and the per-step softmax over 6625 classes, were spent on script no label here carries.
Usage: convert-ppocr-models.py IN_MODEL IN_KEYS OUT_MODEL OUT_KEYS WIDTH
  IN_KEYS is the model's character list (class i+1 is line i; class 0 is the blank, the last one
  the space); OUT_KEYS gets the kept characters in the same form.
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


def scalar(values, name):
    value = values.get(name)
    return float(value.reshape(-1)[0]) if value is not None and value.size == 1 else None


def fuse_scalar_affine_and_hardswish(graph):
    """Conv -> Mul(a) [-> Add(b)] into Conv(a*W, a*bias + b); the hard-swish chain into HardSwish."""
    for i, node in enumerate(graph.node):
        node.name = "n%d_%s" % (i, node.name)  # nodes are told apart by name below
    values = initializer_values(graph)
    outputs = {o.name for o in graph.output}
    removed = set()

    def only_consumer(name, op_type):
        users = [n for n in graph.node if name in n.input and n.name not in removed]
        return users[0] if len(users) == 1 and users[0].op_type == op_type else None

    def scalar_operand(node, other_than):
        rest = [i for i in node.input if i != other_than]
        return scalar(values, rest[0]) if len(rest) == 1 else None

    for conv in graph.node:
        if conv.op_type != "Conv" or conv.output[0] in outputs:
            continue
        mul = only_consumer(conv.output[0], "Mul")
        if mul is None or scalar_operand(mul, conv.output[0]) is None:
            continue
        a, b, last = scalar_operand(mul, conv.output[0]), 0.0, mul
        add = only_consumer(mul.output[0], "Add")
        if add is not None and scalar_operand(add, mul.output[0]) is not None:
            b, last = scalar_operand(add, mul.output[0]), add
        weight = values[conv.input[1]]
        bias = values[conv.input[2]] if len(conv.input) > 2 else np.zeros(weight.shape[0], np.float32)
        names = (conv.input[1] + ".scaled", conv.output[0] + ".bias")
        graph.initializer.extend([numpy_helper.from_array((weight * a).astype(np.float32), names[0]),
                                  numpy_helper.from_array((bias * a + b).astype(np.float32), names[1])])
        del conv.input[1:]
        conv.input.extend(names)
        conv.output[0] = last.output[0]
        removed.update({mul.name, last.name})

    for add in graph.node:
        if add.op_type != "Add" or add.name in removed:
            continue
        three = [i for i in add.input if scalar(values, i) == 3.0]
        if len(three) != 1:
            continue
        x = next(i for i in add.input if i != three[0])
        clip = only_consumer(add.output[0], "Clip")
        limits = {a.name: onnx.helper.get_attribute_value(a) for a in clip.attribute} if clip else {}
        if clip is None or limits.get("min") != 0.0 or limits.get("max") != 6.0:
            continue
        mul = only_consumer(clip.output[0], "Mul")
        if mul is None or set(mul.input) != {x, clip.output[0]}:
            continue
        div = only_consumer(mul.output[0], "Div")
        if div is None or scalar(values, div.input[1]) != 6.0:
            continue
        # The Div becomes the HardSwish where it stands (after x's producer, before its users).
        div.op_type = "HardSwish"
        del div.input[:]
        div.input.append(x)
        removed.update({add.name, clip.name, mul.name})

    # A scalar Mul(c) [-> Add(d)] feeding only an unpadded Conv goes into that Conv's weights:
    # W*(c*x + d) = (c*W)*x + d*sum(W), exact where no padding reads zeros instead of d.
    values = initializer_values(graph)
    for conv in graph.node:
        if conv.op_type != "Conv" or conv.name in removed:
            continue
        pads = next((onnx.helper.get_attribute_value(a) for a in conv.attribute if a.name == "pads"), [])
        if any(pads):
            continue
        producer = next((n for n in graph.node if conv.input[0] in n.output and n.name not in removed), None)
        if producer is None or only_consumer(producer.output[0], "Conv") is not conv:
            continue
        d, mul = 0.0, producer
        if producer.op_type == "Add":
            tensors = [i for i in producer.input if scalar(values, i) is None]
            mul = next((n for n in graph.node if tensors and tensors[0] in n.output), None)
            if len(tensors) != 1 or mul is None or only_consumer(mul.output[0], "Add") is not producer:
                continue
            d = scalar_operand(producer, tensors[0])
        if mul.op_type != "Mul":
            continue
        x = [i for i in mul.input if scalar(values, i) is None]
        c = scalar_operand(mul, x[0]) if len(x) == 1 else None
        if c is None or d is None:
            continue
        weight = values[conv.input[1]]
        bias = values[conv.input[2]] if len(conv.input) > 2 else np.zeros(weight.shape[0], np.float32)
        names = (conv.input[1] + ".input_scaled", conv.output[0] + ".input_bias")
        graph.initializer.extend([
            numpy_helper.from_array((weight * c).astype(np.float32), names[0]),
            numpy_helper.from_array((bias + d * weight.reshape(weight.shape[0], -1).sum(axis=1)).astype(np.float32), names[1])])
        conv.input[0] = x[0]
        del conv.input[1:]
        conv.input.extend(names)
        removed.update({mul.name, producer.name})

    kept = [n for n in graph.node if n.name not in removed]
    del graph.node[:]
    graph.node.extend(kept)
    # The weights the fused nodes replaced would still be loaded: drop what nothing reads.
    used = {i for n in graph.node for i in n.input}
    unused = [t for t in graph.initializer if t.name not in used]
    for tensor in unused:
        graph.initializer.remove(tensor)


def latin_symbols(keys):
    """Indices into keys of the single characters below U+0250 (Latin, digits, punctuation)."""
    return [i for i, key in enumerate(keys) if len(key) == 1 and ord(key) < 0x250]


def keep_classes(graph, classes, kept):
    """Slices the final MatMul+Add (features x classes) down to the kept class indices."""
    values = initializer_values(graph)
    weight = next((n.input[1] for n in reversed(graph.node) if n.op_type == "MatMul"
                   and n.input[1] in values and values[n.input[1]].shape[-1] == classes), None)
    bias = next((i for n in reversed(graph.node) if n.op_type == "Add" for i in n.input
                 if i in values and values[i].shape == (classes,)), None)
    if weight is None or bias is None:
        sys.exit("convert-ppocr-models: the recogniser's output layer (%d classes) was not found" % classes)
    for name in (weight, bias):
        tensor = next(t for t in graph.initializer if t.name == name)
        tensor.CopyFrom(numpy_helper.from_array(np.take(values[name], kept, axis=-1).astype(np.float32), name))


def convert_recogniser(model, width, keys):
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
    fuse_scalar_affine_and_hardswish(graph)
    latin = latin_symbols(keys)
    classes = len(keys) + 2  # the blank first, the space last
    keep_classes(graph, classes, [0] + [i + 1 for i in latin] + [classes - 1])
    return model, [keys[i] for i in latin]


def main(argv):
    if len(argv) != 6 or not argv[5].isdigit():
        sys.exit(__doc__)
    with open(argv[2], encoding="utf-8") as f:
        keys = [line.rstrip("\n") for line in f if line.rstrip("\n")]
    model, kept = convert_recogniser(onnx.load(argv[1]), int(argv[5]), keys)
    onnx.save(model, argv[3])
    with open(argv[4], "w", encoding="utf-8") as f:
        f.write("".join(key + "\n" for key in kept))


if __name__ == "__main__":
    main(sys.argv)
