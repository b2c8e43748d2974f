;; The dense layer's float32 matrix loops in WebAssembly 128-bit SIMD (f32x4), assembled at
;; build time (scripts/vite-plugin-wat.mjs) and driven by wasm-dense.ts. Same products as
;; dense-kernels.ts: z = x·W + b, dW += xᵀ·dZ (db += Σ_rows dZ) and dX = dZ·Wᵀ, row-major.
;;
;; All three are one operation,
;;   out[o][j] = init[o][j] + Σ_k c[o][k] · V[k][j]   (j < width),
;; skipping the k whose coefficient is zero (W3's inputs are 82% zeros, ReLU outputs 30–50%),
;; run in one of two ways per group of four output rows:
;; - four rows at once: `$gather` lists the k whose four coefficients are not all zero and
;;   `$block` sums over that list with the four rows' sums for eight units in eight f32x4
;;   registers, so each loaded V vector serves four rows. Best on dense coefficients.
;; - one row at a time: `$gatherRow` (`$gatherColumns4`, `$gatherColumn` for dW) lists each
;;   row's own nonzero k and `$blockRow` sums 24 units of one row per pass. On sparse rows the
;;   union of four is far longer than each row's list (W3's images: 37% of k against 18%), so
;;   this does about half the multiply-adds; it loads one V vector per multiply-add, though,
;;   which costs more than the union saves once about 3/4 of the coefficients are nonzero.
;; `$product` (forward, dX) and `weightGradientPart` pick per group from a density probe of
;; that group alone, so a call split between two threads at a multiple of four rows picks as
;; the whole call does; narrow or short products (W1, W2, W4, W3's output layer) always take
;; four rows at once.
;;
;; Sums run in float32 (the TS kernels sum in float64 and round once), k ascending in both
;; ways, so each sum is init + Σ fround(c·v) over the nonzero c in order (the union's zero
;; terms add ±0); results agree with the TS kernels within float32 rounding. No fused or
;; relaxed multiply-add.
;;
;; Memory is imported; the caller reserves bytes 0..31: 0..15 hold 0.0f (the coefficient rows
;; o ≥ m read it), 16 holds 1.0f (the bias gradient's coefficient), 20 is the i32 group counter of
;; calls shared by two threads ($firstGroup). All pointers are byte
;; addresses; `lo`/`lc` is the list scratch (4·n and 32·n bytes for lists of up to n entries;
;; n: the largest of inputs, units, rows): four rows at once keep i32 row addresses at lo and
;; f32x4 coefficients at lc, one row at a time (address, coefficient) pairs at lc; `dump` a
;; scratch row that the rows o ≥ m are written to.
(module
  (import "env" "memory" (memory 1))

  ;; Lists k < count where some c[o][k] ≠ 0 (o < m): lo[n] = v + k·vRow, lc[n] = c[0..3][k].
  ;; c[o][k] is at c + o·cRow + k·cStep. NaN counts as nonzero, −0 as zero. Returns n.
  (func $gather (param $c i32) (param $cRow i32) (param $cStep i32) (param $count i32) (param $m i32)
                (param $v i32) (param $vRow i32) (param $lo i32) (param $lc i32) (result i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $x0 f32) (local $x1 f32) (local $x2 f32) (local $x3 f32)
    (local $k i32) (local $n i32) (local $vk i32)
    ;; Rows o ≥ m keep p = 0, s = 0: they read the zero at address 0.
    (local.set $p0 (local.get $c))
    (if (i32.gt_u (local.get $m) (i32.const 1))
      (then (local.set $p1 (i32.add (local.get $c) (local.get $cRow))) (local.set $s1 (local.get $cStep))))
    (if (i32.gt_u (local.get $m) (i32.const 2))
      (then (local.set $p2 (i32.add (local.get $c) (i32.shl (local.get $cRow) (i32.const 1)))) (local.set $s2 (local.get $cStep))))
    (if (i32.gt_u (local.get $m) (i32.const 3))
      (then (local.set $p3 (i32.add (local.get $c) (i32.mul (local.get $cRow) (i32.const 3)))) (local.set $s3 (local.get $cStep))))
    (local.set $vk (local.get $v))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $x0 (f32.load (local.get $p0)))
        (local.set $x1 (f32.load (local.get $p1)))
        (local.set $x2 (f32.load (local.get $p2)))
        (local.set $x3 (f32.load (local.get $p3)))
        (if (i32.or
              (i32.or (f32.ne (local.get $x0) (f32.const 0)) (f32.ne (local.get $x1) (f32.const 0)))
              (i32.or (f32.ne (local.get $x2) (f32.const 0)) (f32.ne (local.get $x3) (f32.const 0))))
          (then
            (i32.store (i32.add (local.get $lo) (i32.shl (local.get $n) (i32.const 2))) (local.get $vk))
            (v128.store (i32.add (local.get $lc) (i32.shl (local.get $n) (i32.const 4)))
              (f32x4.replace_lane 3
                (f32x4.replace_lane 2
                  (f32x4.replace_lane 1 (f32x4.splat (local.get $x0)) (local.get $x1))
                  (local.get $x2))
                (local.get $x3)))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $p0 (i32.add (local.get $p0) (local.get $cStep)))
        (local.set $p1 (i32.add (local.get $p1) (local.get $s1)))
        (local.set $p2 (i32.add (local.get $p2) (local.get $s2)))
        (local.set $p3 (i32.add (local.get $p3) (local.get $s3)))
        (local.set $vk (i32.add (local.get $vk) (local.get $vRow)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $n))

  ;; out[o][j] = (hasInit ? init[o][j] : 0) + Σ_{l < n} lc[l][o] · V_l[j] for o < m, j < width
  ;; (bytes), with V_l the row at address lo[l]. Row o of out is at out + o·outRow, of init at
  ;; init + o·initRow; init may equal out. Rows o ≥ m are summed too but written to `dump`.
  (func $block (param $out i32) (param $outRow i32) (param $init i32) (param $initRow i32) (param $hasInit i32)
               (param $m i32) (param $lo i32) (param $lc i32) (param $n i32) (param $width i32) (param $dump i32)
    (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32)
    (local $i0 i32) (local $i1 i32) (local $i2 i32) (local $i3 i32)
    (local $j i32) (local $pl i32) (local $pc i32) (local $end i32) (local $vo i32)
    (local $a00 v128) (local $a01 v128) (local $a10 v128) (local $a11 v128)
    (local $a20 v128) (local $a21 v128) (local $a30 v128) (local $a31 v128)
    (local $v0 v128) (local $v1 v128) (local $c v128)
    (local.set $o0 (local.get $out))
    (local.set $o1 (local.get $dump))
    (local.set $o2 (local.get $dump))
    (local.set $o3 (local.get $dump))
    (local.set $i0 (local.get $init))
    (local.set $i1 (local.get $init))
    (local.set $i2 (local.get $init))
    (local.set $i3 (local.get $init))
    (if (i32.gt_u (local.get $m) (i32.const 1))
      (then
        (local.set $o1 (i32.add (local.get $out) (local.get $outRow)))
        (local.set $i1 (i32.add (local.get $init) (local.get $initRow)))))
    (if (i32.gt_u (local.get $m) (i32.const 2))
      (then
        (local.set $o2 (i32.add (local.get $o1) (local.get $outRow)))
        (local.set $i2 (i32.add (local.get $i1) (local.get $initRow)))))
    (if (i32.gt_u (local.get $m) (i32.const 3))
      (then
        (local.set $o3 (i32.add (local.get $o2) (local.get $outRow)))
        (local.set $i3 (i32.add (local.get $i2) (local.get $initRow)))))
    (local.set $end (i32.add (local.get $lo) (i32.shl (local.get $n) (i32.const 2))))

    ;; Eight units (two vectors) of four rows per pass over the list.
    (block $done8
      (loop $next8
        (br_if $done8 (i32.gt_u (i32.add (local.get $j) (i32.const 32)) (local.get $width)))
        (if (local.get $hasInit)
          (then
            (local.set $a00 (v128.load (i32.add (local.get $i0) (local.get $j))))
            (local.set $a01 (v128.load offset=16 (i32.add (local.get $i0) (local.get $j))))
            (local.set $a10 (v128.load (i32.add (local.get $i1) (local.get $j))))
            (local.set $a11 (v128.load offset=16 (i32.add (local.get $i1) (local.get $j))))
            (local.set $a20 (v128.load (i32.add (local.get $i2) (local.get $j))))
            (local.set $a21 (v128.load offset=16 (i32.add (local.get $i2) (local.get $j))))
            (local.set $a30 (v128.load (i32.add (local.get $i3) (local.get $j))))
            (local.set $a31 (v128.load offset=16 (i32.add (local.get $i3) (local.get $j)))))
          (else
            (local.set $a00 (v128.const i32x4 0 0 0 0))
            (local.set $a01 (v128.const i32x4 0 0 0 0))
            (local.set $a10 (v128.const i32x4 0 0 0 0))
            (local.set $a11 (v128.const i32x4 0 0 0 0))
            (local.set $a20 (v128.const i32x4 0 0 0 0))
            (local.set $a21 (v128.const i32x4 0 0 0 0))
            (local.set $a30 (v128.const i32x4 0 0 0 0))
            (local.set $a31 (v128.const i32x4 0 0 0 0))))
        (local.set $pl (local.get $lo))
        (local.set $pc (local.get $lc))
        (block $doneK
          (loop $nextK
            (br_if $doneK (i32.ge_u (local.get $pl) (local.get $end)))
            (local.set $vo (i32.add (i32.load (local.get $pl)) (local.get $j)))
            (local.set $v0 (v128.load (local.get $vo)))
            (local.set $v1 (v128.load offset=16 (local.get $vo)))
            (local.set $c (v128.load32_splat (local.get $pc)))
            (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (local.get $c) (local.get $v0))))
            (local.set $a01 (f32x4.add (local.get $a01) (f32x4.mul (local.get $c) (local.get $v1))))
            (local.set $c (v128.load32_splat offset=4 (local.get $pc)))
            (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (local.get $c) (local.get $v0))))
            (local.set $a11 (f32x4.add (local.get $a11) (f32x4.mul (local.get $c) (local.get $v1))))
            (local.set $c (v128.load32_splat offset=8 (local.get $pc)))
            (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (local.get $c) (local.get $v0))))
            (local.set $a21 (f32x4.add (local.get $a21) (f32x4.mul (local.get $c) (local.get $v1))))
            (local.set $c (v128.load32_splat offset=12 (local.get $pc)))
            (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (local.get $c) (local.get $v0))))
            (local.set $a31 (f32x4.add (local.get $a31) (f32x4.mul (local.get $c) (local.get $v1))))
            (local.set $pl (i32.add (local.get $pl) (i32.const 4)))
            (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
            (br $nextK)))
        (v128.store (i32.add (local.get $o0) (local.get $j)) (local.get $a00))
        (v128.store offset=16 (i32.add (local.get $o0) (local.get $j)) (local.get $a01))
        (v128.store (i32.add (local.get $o1) (local.get $j)) (local.get $a10))
        (v128.store offset=16 (i32.add (local.get $o1) (local.get $j)) (local.get $a11))
        (v128.store (i32.add (local.get $o2) (local.get $j)) (local.get $a20))
        (v128.store offset=16 (i32.add (local.get $o2) (local.get $j)) (local.get $a21))
        (v128.store (i32.add (local.get $o3) (local.get $j)) (local.get $a30))
        (v128.store offset=16 (i32.add (local.get $o3) (local.get $j)) (local.get $a31))
        (local.set $j (i32.add (local.get $j) (i32.const 32)))
        (br $next8)))

    ;; Four more units (one vector) when at least four are left.
    (if (i32.le_u (i32.add (local.get $j) (i32.const 16)) (local.get $width))
      (then
        (if (local.get $hasInit)
          (then
            (local.set $a00 (v128.load (i32.add (local.get $i0) (local.get $j))))
            (local.set $a10 (v128.load (i32.add (local.get $i1) (local.get $j))))
            (local.set $a20 (v128.load (i32.add (local.get $i2) (local.get $j))))
            (local.set $a30 (v128.load (i32.add (local.get $i3) (local.get $j)))))
          (else
            (local.set $a00 (v128.const i32x4 0 0 0 0))
            (local.set $a10 (v128.const i32x4 0 0 0 0))
            (local.set $a20 (v128.const i32x4 0 0 0 0))
            (local.set $a30 (v128.const i32x4 0 0 0 0))))
        (local.set $pl (local.get $lo))
        (local.set $pc (local.get $lc))
        (block $doneK4
          (loop $nextK4
            (br_if $doneK4 (i32.ge_u (local.get $pl) (local.get $end)))
            (local.set $v0 (v128.load (i32.add (i32.load (local.get $pl)) (local.get $j))))
            (local.set $a00 (f32x4.add (local.get $a00) (f32x4.mul (v128.load32_splat (local.get $pc)) (local.get $v0))))
            (local.set $a10 (f32x4.add (local.get $a10) (f32x4.mul (v128.load32_splat offset=4 (local.get $pc)) (local.get $v0))))
            (local.set $a20 (f32x4.add (local.get $a20) (f32x4.mul (v128.load32_splat offset=8 (local.get $pc)) (local.get $v0))))
            (local.set $a30 (f32x4.add (local.get $a30) (f32x4.mul (v128.load32_splat offset=12 (local.get $pc)) (local.get $v0))))
            (local.set $pl (i32.add (local.get $pl) (i32.const 4)))
            (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
            (br $nextK4)))
        (v128.store (i32.add (local.get $o0) (local.get $j)) (local.get $a00))
        (v128.store (i32.add (local.get $o1) (local.get $j)) (local.get $a10))
        (v128.store (i32.add (local.get $o2) (local.get $j)) (local.get $a20))
        (v128.store (i32.add (local.get $o3) (local.get $j)) (local.get $a30))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))))

    ;; The last one to three units one at a time; here the four lanes are the four rows.
    (block $done1
      (loop $next1
        (br_if $done1 (i32.ge_u (local.get $j) (local.get $width)))
        (if (local.get $hasInit)
          (then
            (local.set $a00
              (f32x4.replace_lane 3
                (f32x4.replace_lane 2
                  (f32x4.replace_lane 1
                    (f32x4.splat (f32.load (i32.add (local.get $i0) (local.get $j))))
                    (f32.load (i32.add (local.get $i1) (local.get $j))))
                  (f32.load (i32.add (local.get $i2) (local.get $j))))
                (f32.load (i32.add (local.get $i3) (local.get $j))))))
          (else (local.set $a00 (v128.const i32x4 0 0 0 0))))
        (local.set $pl (local.get $lo))
        (local.set $pc (local.get $lc))
        (block $doneK1
          (loop $nextK1
            (br_if $doneK1 (i32.ge_u (local.get $pl) (local.get $end)))
            (local.set $a00
              (f32x4.add (local.get $a00)
                (f32x4.mul (v128.load (local.get $pc))
                  (v128.load32_splat (i32.add (i32.load (local.get $pl)) (local.get $j))))))
            (local.set $pl (i32.add (local.get $pl) (i32.const 4)))
            (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
            (br $nextK1)))
        (f32.store (i32.add (local.get $o0) (local.get $j)) (f32x4.extract_lane 0 (local.get $a00)))
        (f32.store (i32.add (local.get $o1) (local.get $j)) (f32x4.extract_lane 1 (local.get $a00)))
        (f32.store (i32.add (local.get $o2) (local.get $j)) (f32x4.extract_lane 2 (local.get $a00)))
        (f32.store (i32.add (local.get $o3) (local.get $j)) (f32x4.extract_lane 3 (local.get $a00)))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $next1))))

  ;; One row: lists k < count with c[k] ≠ 0 as (v + k·vRow, c[k]) pairs of 8 bytes at `list`
  ;; (i32 address, f32 coefficient), k ascending; c is contiguous. Skips zero quads with one
  ;; vector test; within a quad every lane is written and the end advances only past nonzero
  ;; ones (no branch per element). NaN counts as nonzero, −0 as zero. Returns the count.
  (func $gatherRow (param $c i32) (param $count i32) (param $v i32) (param $vRow i32) (param $list i32) (result i32)
    (local $k i32) (local $p i32) (local $vk i32) (local $q v128) (local $x f32)
    (local $steps v128) (local $pairs v128) (local $high v128) (local $nz v128)
    (local.set $p (local.get $list))
    (local.set $vk (local.get $v))
    ;; The four V addresses of a quad are vk + steps.
    (local.set $steps
      (i32x4.replace_lane 3
        (i32x4.replace_lane 2
          (i32x4.replace_lane 1 (v128.const i32x4 0 0 0 0) (local.get $vRow))
          (i32.shl (local.get $vRow) (i32.const 1)))
        (i32.mul (local.get $vRow) (i32.const 3))))
    (block $done4
      (loop $next4
        (br_if $done4 (i32.gt_u (i32.add (local.get $k) (i32.const 4)) (local.get $count)))
        (local.set $q (v128.load (local.get $c)))
        (local.set $nz (f32x4.ne (local.get $q) (v128.const f32x4 0 0 0 0)))
        (if (v128.any_true (local.get $nz))
          (then
            ;; Lane l's (address, coefficient) pair is written at p, and p advances by 8 bytes
            ;; when the lane is nonzero (its mask lane, all bits set, ANDed with 8).
            (local.set $nz (v128.and (local.get $nz) (v128.const i32x4 8 8 8 8)))
            (local.set $pairs (i32x4.add (i32x4.splat (local.get $vk)) (local.get $steps)))
            (local.set $high
              (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $pairs) (local.get $q)))
            (local.set $pairs
              (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $pairs) (local.get $q)))
            (v128.store64_lane 0 (local.get $p) (local.get $pairs))
            (local.set $p (i32.add (local.get $p) (i32x4.extract_lane 0 (local.get $nz))))
            (v128.store64_lane 1 (local.get $p) (local.get $pairs))
            (local.set $p (i32.add (local.get $p) (i32x4.extract_lane 1 (local.get $nz))))
            (v128.store64_lane 0 (local.get $p) (local.get $high))
            (local.set $p (i32.add (local.get $p) (i32x4.extract_lane 2 (local.get $nz))))
            (v128.store64_lane 1 (local.get $p) (local.get $high))
            (local.set $p (i32.add (local.get $p) (i32x4.extract_lane 3 (local.get $nz))))))
        (local.set $c (i32.add (local.get $c) (i32.const 16)))
        (local.set $vk (i32.add (local.get $vk) (i32.shl (local.get $vRow) (i32.const 2))))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br $next4)))
    (block $done1
      (loop $next1
        (br_if $done1 (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $x (f32.load (local.get $c)))
        (i32.store (local.get $p) (local.get $vk))
        (f32.store offset=4 (local.get $p) (local.get $x))
        (local.set $p (i32.add (local.get $p) (i32.shl (f32.ne (local.get $x) (f32.const 0)) (i32.const 3))))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (local.set $vk (i32.add (local.get $vk) (local.get $vRow)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next1)))
    (i32.shr_u (i32.sub (local.get $p) (local.get $list)) (i32.const 3)))

  ;; As $gatherRow for coefficients c[k] at c + k·cStep (a column of a row-major matrix).
  (func $gatherColumn (param $c i32) (param $cStep i32) (param $count i32) (param $v i32) (param $vRow i32) (param $list i32) (result i32)
    (local $k i32) (local $p i32) (local $x f32)
    (local.set $p (local.get $list))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $x (f32.load (local.get $c)))
        (i32.store (local.get $p) (local.get $v))
        (f32.store offset=4 (local.get $p) (local.get $x))
        (local.set $p (i32.add (local.get $p) (i32.shl (f32.ne (local.get $x) (f32.const 0)) (i32.const 3))))
        (local.set $c (i32.add (local.get $c) (local.get $cStep)))
        (local.set $v (i32.add (local.get $v) (local.get $vRow)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (i32.shr_u (i32.sub (local.get $p) (local.get $list)) (i32.const 3)))

  ;; As $gatherColumn for the four adjacent columns c, c + 4, c + 8, c + 12 (all inside the
  ;; row), read as one vector per row: list o at list + o·cap, its length at counts + 4·o.
  (func $gatherColumns4 (param $c i32) (param $cRow i32) (param $count i32) (param $v i32) (param $vRow i32)
                        (param $list i32) (param $cap i32) (param $counts i32)
    (local $k i32) (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $q v128) (local $nz v128) (local $pairs v128) (local $high v128)
    (local.set $p0 (local.get $list))
    (local.set $p1 (i32.add (local.get $p0) (local.get $cap)))
    (local.set $p2 (i32.add (local.get $p1) (local.get $cap)))
    (local.set $p3 (i32.add (local.get $p2) (local.get $cap)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $q (v128.load (local.get $c)))
        ;; As in $gatherRow, but without the test for a zero quad: here it mispredicts more
        ;; often than it saves (W3). Pairs (v, lane o); list o's end advances by 8 when nonzero.
        (local.set $nz (v128.and (f32x4.ne (local.get $q) (v128.const f32x4 0 0 0 0)) (v128.const i32x4 8 8 8 8)))
        (local.set $pairs (i8x16.shuffle 0 1 2 3 16 17 18 19 0 1 2 3 20 21 22 23 (i32x4.splat (local.get $v)) (local.get $q)))
        (local.set $high (i8x16.shuffle 0 1 2 3 24 25 26 27 0 1 2 3 28 29 30 31 (i32x4.splat (local.get $v)) (local.get $q)))
        (v128.store64_lane 0 (local.get $p0) (local.get $pairs))
        (v128.store64_lane 1 (local.get $p1) (local.get $pairs))
        (v128.store64_lane 0 (local.get $p2) (local.get $high))
        (v128.store64_lane 1 (local.get $p3) (local.get $high))
        (local.set $p0 (i32.add (local.get $p0) (i32x4.extract_lane 0 (local.get $nz))))
        (local.set $p1 (i32.add (local.get $p1) (i32x4.extract_lane 1 (local.get $nz))))
        (local.set $p2 (i32.add (local.get $p2) (i32x4.extract_lane 2 (local.get $nz))))
        (local.set $p3 (i32.add (local.get $p3) (i32x4.extract_lane 3 (local.get $nz))))
        (local.set $c (i32.add (local.get $c) (local.get $cRow)))
        (local.set $v (i32.add (local.get $v) (local.get $vRow)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (i32.store (local.get $counts) (i32.shr_u (i32.sub (local.get $p0) (local.get $list)) (i32.const 3)))
    (local.set $list (i32.add (local.get $list) (local.get $cap)))
    (i32.store offset=4 (local.get $counts) (i32.shr_u (i32.sub (local.get $p1) (local.get $list)) (i32.const 3)))
    (local.set $list (i32.add (local.get $list) (local.get $cap)))
    (i32.store offset=8 (local.get $counts) (i32.shr_u (i32.sub (local.get $p2) (local.get $list)) (i32.const 3)))
    (local.set $list (i32.add (local.get $list) (local.get $cap)))
    (i32.store offset=12 (local.get $counts) (i32.shr_u (i32.sub (local.get $p3) (local.get $list)) (i32.const 3))))

  ;; One row: out[j] = (hasInit ? init[j] : 0) + Σ_{l < n} c_l · V_l[j] for j < width (bytes),
  ;; (V_l address, c_l) the pairs at `list` ($gatherRow); init may equal out. 24 units (six
  ;; f32x4 sums: enough to hide the add latency, few enough that V8 keeps the sums, the six
  ;; loaded vectors and c in the 16 xmm registers; eight spill a sum) per pass over the list,
  ;; then 16, 8 and 4, then single units.
  (func $blockRow (param $out i32) (param $init i32) (param $hasInit i32) (param $list i32) (param $n i32) (param $width i32)
    (local $j i32) (local $pl i32) (local $end i32) (local $vo i32) (local $c v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $a4 v128) (local $a5 v128)
    (local.set $end (i32.add (local.get $list) (i32.shl (local.get $n) (i32.const 3))))
    (block $done24
      (loop $next24
        (br_if $done24 (i32.gt_u (i32.add (local.get $j) (i32.const 96)) (local.get $width)))
        (if (local.get $hasInit)
          (then
            (local.set $vo (i32.add (local.get $init) (local.get $j)))
            (local.set $a0 (v128.load (local.get $vo)))
            (local.set $a1 (v128.load offset=16 (local.get $vo)))
            (local.set $a2 (v128.load offset=32 (local.get $vo)))
            (local.set $a3 (v128.load offset=48 (local.get $vo)))
            (local.set $a4 (v128.load offset=64 (local.get $vo)))
            (local.set $a5 (v128.load offset=80 (local.get $vo))))
          (else
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0))
            (local.set $a3 (v128.const i32x4 0 0 0 0))
            (local.set $a4 (v128.const i32x4 0 0 0 0))
            (local.set $a5 (v128.const i32x4 0 0 0 0))))
        (local.set $pl (local.get $list))
        (block $doneK24
          (loop $nextK24
            (br_if $doneK24 (i32.ge_u (local.get $pl) (local.get $end)))
            (local.set $vo (i32.add (i32.load (local.get $pl)) (local.get $j)))
            (local.set $c (v128.load32_splat offset=4 (local.get $pl)))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $c) (v128.load (local.get $vo)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $c) (v128.load offset=16 (local.get $vo)))))
            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $c) (v128.load offset=32 (local.get $vo)))))
            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $c) (v128.load offset=48 (local.get $vo)))))
            (local.set $a4 (f32x4.add (local.get $a4) (f32x4.mul (local.get $c) (v128.load offset=64 (local.get $vo)))))
            (local.set $a5 (f32x4.add (local.get $a5) (f32x4.mul (local.get $c) (v128.load offset=80 (local.get $vo)))))
            (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
            (br $nextK24)))
        (local.set $vo (i32.add (local.get $out) (local.get $j)))
        (v128.store (local.get $vo) (local.get $a0))
        (v128.store offset=16 (local.get $vo) (local.get $a1))
        (v128.store offset=32 (local.get $vo) (local.get $a2))
        (v128.store offset=48 (local.get $vo) (local.get $a3))
        (v128.store offset=64 (local.get $vo) (local.get $a4))
        (v128.store offset=80 (local.get $vo) (local.get $a5))
        (local.set $j (i32.add (local.get $j) (i32.const 96)))
        (br $next24)))
    (if (i32.le_u (i32.add (local.get $j) (i32.const 64)) (local.get $width))
      (then
        (if (local.get $hasInit)
          (then
            (local.set $vo (i32.add (local.get $init) (local.get $j)))
            (local.set $a0 (v128.load (local.get $vo)))
            (local.set $a1 (v128.load offset=16 (local.get $vo)))
            (local.set $a2 (v128.load offset=32 (local.get $vo)))
            (local.set $a3 (v128.load offset=48 (local.get $vo))))
          (else
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0))
            (local.set $a3 (v128.const i32x4 0 0 0 0))))
        (local.set $pl (local.get $list))
        (block $doneK16
          (loop $nextK16
            (br_if $doneK16 (i32.ge_u (local.get $pl) (local.get $end)))
            (local.set $vo (i32.add (i32.load (local.get $pl)) (local.get $j)))
            (local.set $c (v128.load32_splat offset=4 (local.get $pl)))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $c) (v128.load (local.get $vo)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $c) (v128.load offset=16 (local.get $vo)))))
            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $c) (v128.load offset=32 (local.get $vo)))))
            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $c) (v128.load offset=48 (local.get $vo)))))
            (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
            (br $nextK16)))
        (local.set $vo (i32.add (local.get $out) (local.get $j)))
        (v128.store (local.get $vo) (local.get $a0))
        (v128.store offset=16 (local.get $vo) (local.get $a1))
        (v128.store offset=32 (local.get $vo) (local.get $a2))
        (v128.store offset=48 (local.get $vo) (local.get $a3))
        (local.set $j (i32.add (local.get $j) (i32.const 64)))))
    (if (i32.le_u (i32.add (local.get $j) (i32.const 32)) (local.get $width))
      (then
        (if (local.get $hasInit)
          (then
            (local.set $vo (i32.add (local.get $init) (local.get $j)))
            (local.set $a0 (v128.load (local.get $vo)))
            (local.set $a1 (v128.load offset=16 (local.get $vo))))
          (else
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $a1 (v128.const i32x4 0 0 0 0))))
        (local.set $pl (local.get $list))
        (block $doneK8
          (loop $nextK8
            (br_if $doneK8 (i32.ge_u (local.get $pl) (local.get $end)))
            (local.set $vo (i32.add (i32.load (local.get $pl)) (local.get $j)))
            (local.set $c (v128.load32_splat offset=4 (local.get $pl)))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $c) (v128.load (local.get $vo)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $c) (v128.load offset=16 (local.get $vo)))))
            (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
            (br $nextK8)))
        (local.set $vo (i32.add (local.get $out) (local.get $j)))
        (v128.store (local.get $vo) (local.get $a0))
        (v128.store offset=16 (local.get $vo) (local.get $a1))
        (local.set $j (i32.add (local.get $j) (i32.const 32)))))
    (if (i32.le_u (i32.add (local.get $j) (i32.const 16)) (local.get $width))
      (then
        (if (local.get $hasInit)
          (then
            (local.set $vo (i32.add (local.get $init) (local.get $j)))
            (local.set $a0 (v128.load (local.get $vo))))
          (else
            (local.set $a0 (v128.const i32x4 0 0 0 0))))
        (local.set $pl (local.get $list))
        (block $doneK4
          (loop $nextK4
            (br_if $doneK4 (i32.ge_u (local.get $pl) (local.get $end)))
            (local.set $vo (i32.add (i32.load (local.get $pl)) (local.get $j)))
            (local.set $c (v128.load32_splat offset=4 (local.get $pl)))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $c) (v128.load (local.get $vo)))))
            (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
            (br $nextK4)))
        (local.set $vo (i32.add (local.get $out) (local.get $j)))
        (v128.store (local.get $vo) (local.get $a0))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))))
    ;; The last 1–3 units one at a time.
    (block $done1
      (loop $next1
        (br_if $done1 (i32.ge_u (local.get $j) (local.get $width)))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (if (local.get $hasInit) (then (local.set $a0 (v128.load32_zero (i32.add (local.get $init) (local.get $j))))))
        (local.set $pl (local.get $list))
        (block $doneK1
          (loop $nextK1
            (br_if $doneK1 (i32.ge_u (local.get $pl) (local.get $end)))
            (local.set $a0 (f32x4.add (local.get $a0)
              (f32x4.mul (v128.load32_splat offset=4 (local.get $pl))
                (v128.load32_zero (i32.add (i32.load (local.get $pl)) (local.get $j))))))
            (local.set $pl (i32.add (local.get $pl) (i32.const 8)))
            (br $nextK1)))
        (f32.store (i32.add (local.get $out) (local.get $j)) (f32x4.extract_lane 0 (local.get $a0)))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $next1))))

  ;; The number of nonzero lanes in the n vectors at c, c + step, c + 2·step, …: the density
  ;; probe that picks one row at a time or four rows at once.
  (func $nonzeros (param $c i32) (param $step i32) (param $n i32) (result i32)
    (local $k i32) (local $nz v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        ;; Each nonzero lane subtracts −1 (all bits set) from its count.
        (local.set $nz (i32x4.sub (local.get $nz) (f32x4.ne (v128.load (local.get $c)) (v128.const f32x4 0 0 0 0))))
        (local.set $c (i32.add (local.get $c) (local.get $step)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $nz)) (i32x4.extract_lane 1 (local.get $nz)))
      (i32.add (i32x4.extract_lane 2 (local.get $nz)) (i32x4.extract_lane 3 (local.get $nz)))))

  ;; out[r][j] = (hasInit ? init[j] : 0) + Σ_k c[r][k] · V_k[j] for r < rows, k < count, j < width
  ;; (bytes): row r of c at c + r·cRow (contiguous), V_k at v + k·vRow, row r of out at
  ;; out + r·width. Rows go in groups of four; a group whose first row is sparse runs one row at
  ;; a time over each row's own nonzero k ($gatherRow, $blockRow), else as four rows over the
  ;; union ($gather, $block). Either way each sum adds its nonzero terms with k ascending.
  (func $product (param $c i32) (param $cRow i32) (param $count i32) (param $rows i32) (param $v i32) (param $vRow i32)
                 (param $out i32) (param $init i32) (param $hasInit i32) (param $width i32)
                 (param $lo i32) (param $lc i32) (param $dump i32) (param $counter i32)
    (local $r i32) (local $m i32) (local $n i32) (local $o i32) (local $wide i32) (local $cr i32)
    ;; Only products at least 32 units wide and 32 terms long may run one row at a time: four rows
    ;; at once ($block) load each V vector once for four rows, so narrow or short products (W1,
    ;; W2, W4, W3's output layer) stay on them. (Inline: a call costs tiny layers a few percent.)
    (local.set $wide (i32.and (i32.ge_u (local.get $width) (i32.const 128)) (i32.ge_u (local.get $count) (i32.const 32))))
    (local.set $r (call $firstGroup (local.get $counter)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $m (call $rowsLeft (local.get $rows) (local.get $r)))
        (local.set $cr (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $cRow))))
        ;; One row at a time when fewer than three in four of the first row's coefficients
        ;; (its last 1–3 left out) are nonzero: measured, the crossover is near 3/4 to 4/5.
        (if (if (result i32) (local.get $wide)
              (then (i32.lt_u (i32.shl (call $nonzeros (local.get $cr) (i32.const 16) (i32.shr_u (local.get $count) (i32.const 2))) (i32.const 2))
                              (i32.mul (i32.and (local.get $count) (i32.const -4)) (i32.const 3))))
              (else (i32.const 0)))
          (then
            (local.set $o (i32.const 0))
            (block $doneRow
              (loop $nextRow
                (br_if $doneRow (i32.ge_u (local.get $o) (local.get $m)))
                (local.set $n (call $gatherRow (local.get $cr) (local.get $count) (local.get $v) (local.get $vRow) (local.get $lc)))
                (call $blockRow (i32.add (local.get $out) (i32.mul (i32.add (local.get $r) (local.get $o)) (local.get $width)))
                  (local.get $init) (local.get $hasInit) (local.get $lc) (local.get $n) (local.get $width))
                (local.set $cr (i32.add (local.get $cr) (local.get $cRow)))
                (local.set $o (i32.add (local.get $o) (i32.const 1)))
                (br $nextRow))))
          (else
            (local.set $n
              (call $gather (local.get $cr) (local.get $cRow) (i32.const 4) (local.get $count) (local.get $m)
                (local.get $v) (local.get $vRow) (local.get $lo) (local.get $lc)))
            (call $block
              (i32.add (local.get $out) (i32.mul (local.get $r) (local.get $width))) (local.get $width)
              (local.get $init) (i32.const 0) (local.get $hasInit)
              (local.get $m) (local.get $lo) (local.get $lc) (local.get $n) (local.get $width) (local.get $dump))))
        (local.set $r (call $nextGroup (local.get $counter) (local.get $r)))
        (br $next))))

  ;; Groups of four rows are taken in one of two ways. counter = 0: in order, from 0 (or `from`),
  ;; by this thread alone. counter > 0: the address of a shared i32 that the caller set to the
  ;; first group; every thread running the same call takes the next group from it by an atomic
  ;; add, so two threads share a call dynamically (wasm-dense.ts) and a late one costs one group.
  ;; Each group's sums are the same whoever takes it, so the results are those of one thread.
  (func $firstGroup (param $counter i32) (result i32)
    (if (result i32) (local.get $counter)
      (then (i32.atomic.rmw.add (local.get $counter) (i32.const 4)))
      (else (i32.const 0))))
  (func $nextGroup (param $counter i32) (param $r i32) (result i32)
    (if (result i32) (local.get $counter)
      (then (i32.atomic.rmw.add (local.get $counter) (i32.const 4)))
      (else (i32.add (local.get $r) (i32.const 4)))))

  ;; min(4, a − b) for a > b.
  (func $rowsLeft (param $a i32) (param $b i32) (result i32)
    (select (i32.const 4) (i32.sub (local.get $a) (local.get $b))
      (i32.ge_u (i32.sub (local.get $a) (local.get $b)) (i32.const 4))))

  ;; z = x·W + b: x [rows][inputs], W [inputs][units], b [units] (when hasBias), z [rows][units].
  ;; `counter`: 0, or shared groups (see $firstGroup).
  (func (export "forward")
        (param $x i32) (param $rows i32) (param $inputs i32) (param $w i32) (param $bias i32) (param $hasBias i32)
        (param $units i32) (param $z i32) (param $lo i32) (param $lc i32) (param $dump i32) (param $counter i32)
    (call $product (local.get $x) (i32.shl (local.get $inputs) (i32.const 2)) (local.get $inputs) (local.get $rows)
      (local.get $w) (i32.shl (local.get $units) (i32.const 2)) (local.get $z) (local.get $bias) (local.get $hasBias)
      (i32.shl (local.get $units) (i32.const 2)) (local.get $lo) (local.get $lc) (local.get $dump) (local.get $counter)))

  ;; dW += xᵀ·dZ and (hasBias) dBias += Σ_rows dZ: x [rows][inputs], dZ [rows][units],
  ;; dW [inputs][units], dBias [units].
  (func (export "weightGradient")
        (param $x i32) (param $dz i32) (param $rows i32) (param $inputs i32) (param $units i32)
        (param $dw i32) (param $dBias i32) (param $hasBias i32) (param $lo i32) (param $lc i32) (param $dump i32)
    (call $weightGradientPart (local.get $x) (local.get $dz) (local.get $rows) (local.get $inputs) (local.get $units)
      (local.get $dw) (local.get $lo) (local.get $lc) (local.get $dump) (i32.const 0) (local.get $inputs) (i32.const 0))
    (if (local.get $hasBias)
      (then (call $biasGradient (local.get $dz) (local.get $rows) (local.get $units) (local.get $dBias)
        (local.get $lo) (local.get $lc) (local.get $dump)))))

  ;; Rows from..end−1 of dW += xᵀ·dZ (shapes as weightGradient). `from` is a multiple of 4, so
  ;; each group of four output rows, and with it every sum, is the same as in one whole call:
  ;; two threads can each take a range, or share the groups through `counter` (see $firstGroup).
  (func $weightGradientPart (export "weightGradientPart")
        (param $x i32) (param $dz i32) (param $rows i32) (param $inputs i32) (param $units i32)
        (param $dw i32) (param $lo i32) (param $lc i32) (param $dump i32) (param $from i32) (param $end i32) (param $counter i32)
    (local $i i32) (local $m i32) (local $n i32) (local $xRow i32) (local $zRow i32) (local $row i32)
    (local $cap i32) (local $o i32) (local $wide i32) (local $single i32) (local $xi i32) (local $samples i32)
    (local.set $xRow (i32.shl (local.get $inputs) (i32.const 2)))
    (local.set $zRow (i32.shl (local.get $units) (i32.const 2)))
    ;; As in $product: one row at a time only for 32 units or more, summed over 32 rows or more.
    (local.set $wide (i32.and (i32.ge_u (local.get $zRow) (i32.const 128)) (i32.ge_u (local.get $rows) (i32.const 32))))
    ;; One list per output row at lc + o·cap, its length at lo + 4·o.
    (local.set $cap (i32.shl (local.get $rows) (i32.const 3)))
    (local.set $samples (i32.shr_u (i32.add (local.get $rows) (i32.const 3)) (i32.const 2)))
    ;; With a counter (see $firstGroup) the caller set it to `from`.
    (local.set $i (if (result i32) (local.get $counter) (then (call $firstGroup (local.get $counter))) (else (local.get $from))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $m (call $rowsLeft (local.get $end) (local.get $i)))
        ;; Output row i + o takes the column x[·][i + o] as its coefficients.
        (local.set $xi (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $row (i32.add (local.get $dw) (i32.mul (local.get $i) (local.get $zRow))))
        ;; One output row at a time unless seven in eight of the four columns' values are
        ;; nonzero (measured crossover near 7/8), probed on every fourth row; the last one to
        ;; three columns always (a vector would read past the row).
        (local.set $single (local.get $wide))
        (if (i32.and (local.get $wide) (i32.eq (local.get $m) (i32.const 4)))
          (then
            (local.set $single
              (i32.lt_u
                (i32.shl (call $nonzeros (local.get $xi) (i32.shl (local.get $xRow) (i32.const 2)) (local.get $samples)) (i32.const 3))
                (i32.mul (local.get $samples) (i32.const 28))))))
        (if (local.get $single)
          (then
            ;; Each output row over its own column's nonzero rows: lists at lc + o·cap, lengths at lo.
            (if (i32.eq (local.get $m) (i32.const 4))
              (then
                (call $gatherColumns4 (local.get $xi) (local.get $xRow) (local.get $rows) (local.get $dz) (local.get $zRow)
                  (local.get $lc) (local.get $cap) (local.get $lo)))
              (else
                (local.set $o (i32.const 0))
                (block $doneCol
                  (loop $nextCol
                    (br_if $doneCol (i32.ge_u (local.get $o) (local.get $m)))
                    (i32.store (i32.add (local.get $lo) (i32.shl (local.get $o) (i32.const 2)))
                      (call $gatherColumn (i32.add (local.get $xi) (i32.shl (local.get $o) (i32.const 2))) (local.get $xRow)
                        (local.get $rows) (local.get $dz) (local.get $zRow) (i32.add (local.get $lc) (i32.mul (local.get $o) (local.get $cap)))))
                    (local.set $o (i32.add (local.get $o) (i32.const 1)))
                    (br $nextCol)))))
            (local.set $o (i32.const 0))
            (block $doneO
              (loop $nextO
                (br_if $doneO (i32.ge_u (local.get $o) (local.get $m)))
                (local.set $n (i32.load (i32.add (local.get $lo) (i32.shl (local.get $o) (i32.const 2)))))
                (if (local.get $n)
                  (then
                    (call $blockRow (local.get $row) (local.get $row) (i32.const 1)
                      (i32.add (local.get $lc) (i32.mul (local.get $o) (local.get $cap))) (local.get $n) (local.get $zRow))))
                (local.set $row (i32.add (local.get $row) (local.get $zRow)))
                (local.set $o (i32.add (local.get $o) (i32.const 1)))
                (br $nextO))))
          (else
            (local.set $n
              (call $gather (local.get $xi) (i32.const 4) (local.get $xRow)
                (local.get $rows) (local.get $m) (local.get $dz) (local.get $zRow) (local.get $lo) (local.get $lc)))
            (if (local.get $n)
              (then
                (call $block
                  (local.get $row) (local.get $zRow) (local.get $row) (local.get $zRow) (i32.const 1)
                  (local.get $m) (local.get $lo) (local.get $lc) (local.get $n) (local.get $zRow) (local.get $dump))))))
        (local.set $i (call $nextGroup (local.get $counter) (local.get $i)))
        (br $next))))

  ;; dBias += Σ_rows dZ: one output row whose coefficients are all 1.0 (address 16, step 0).
  (func $biasGradient (export "biasGradient")
        (param $dz i32) (param $rows i32) (param $units i32) (param $dBias i32) (param $lo i32) (param $lc i32) (param $dump i32)
    (local $n i32) (local $zRow i32)
    (local.set $zRow (i32.shl (local.get $units) (i32.const 2)))
    (local.set $n
      (call $gatherColumn (i32.const 16) (i32.const 0) (local.get $rows) (local.get $dz) (local.get $zRow) (local.get $lc)))
    (call $blockRow (local.get $dBias) (local.get $dBias) (i32.const 1) (local.get $lc) (local.get $n) (local.get $zRow)))

  ;; dX = dZ·Wᵀ: dZ [rows][units], W [inputs][units], dX [rows][inputs]; wt is scratch
  ;; [units][inputs] that receives Wᵀ first, so the sum runs over contiguous rows of Wᵀ.
  (func (export "inputGradient")
        (param $dz i32) (param $w i32) (param $rows i32) (param $inputs i32) (param $units i32)
        (param $dx i32) (param $wt i32) (param $lo i32) (param $lc i32) (param $dump i32)
    (call $transpose (local.get $w) (local.get $inputs) (local.get $units) (local.get $wt))
    (call $inputGradientRows (local.get $dz) (local.get $wt) (local.get $rows) (local.get $inputs) (local.get $units)
      (local.get $dx) (local.get $lo) (local.get $lc) (local.get $dump) (i32.const 0)))

  ;; wt [units][inputs] = Wᵀ of W [inputs][units].
  (func $transpose (export "transpose") (param $w i32) (param $inputs i32) (param $units i32) (param $wt i32)
    (local $i i32) (local $j i32) (local $src i32) (local $dst i32) (local $xRow i32)
    (local.set $xRow (i32.shl (local.get $inputs) (i32.const 2)))
    (local.set $src (local.get $w))
    (block $doneI
      (loop $nextI
        (br_if $doneI (i32.ge_u (local.get $i) (local.get $inputs)))
        (local.set $dst (i32.add (local.get $wt) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $j (i32.const 0))
        (block $doneJ
          (loop $nextJ
            (br_if $doneJ (i32.ge_u (local.get $j) (local.get $units)))
            (f32.store (local.get $dst) (f32.load (local.get $src)))
            (local.set $src (i32.add (local.get $src) (i32.const 4)))
            (local.set $dst (i32.add (local.get $dst) (local.get $xRow)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $nextJ)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $nextI))))

  ;; dX = dZ·Wᵀ with wt = Wᵀ already written (transpose): rows are independent, so two
  ;; threads can each take a range of rows starting at a multiple of 4, or share the groups
  ;; through `counter` (see $firstGroup).
  (func $inputGradientRows (export "inputGradientRows")
        (param $dz i32) (param $wt i32) (param $rows i32) (param $inputs i32) (param $units i32)
        (param $dx i32) (param $lo i32) (param $lc i32) (param $dump i32) (param $counter i32)
    (call $product (local.get $dz) (i32.shl (local.get $units) (i32.const 2)) (local.get $units) (local.get $rows)
      (local.get $wt) (i32.shl (local.get $inputs) (i32.const 2)) (local.get $dx) (i32.const 0) (i32.const 0)
      (i32.shl (local.get $inputs) (i32.const 2)) (local.get $lo) (local.get $lc) (local.get $dump) (local.get $counter))))
